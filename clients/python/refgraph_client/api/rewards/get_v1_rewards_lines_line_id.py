from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.line import Line
from typing import cast



def _get_kwargs(
    line_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rewards/lines/{line_id}".format(line_id=quote(str(line_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Line:
    if response.status_code == 200:
        response_200 = Line.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Line]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    line_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Line]:
    """ Why a reward line is what it is: referrals, tier, merchants, path, rules

    Args:
        line_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Line]
     """


    kwargs = _get_kwargs(
        line_id=line_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    line_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Line | None:
    """ Why a reward line is what it is: referrals, tier, merchants, path, rules

    Args:
        line_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Line
     """


    return sync_detailed(
        line_id=line_id,
client=client,

    ).parsed

async def asyncio_detailed(
    line_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | Line]:
    """ Why a reward line is what it is: referrals, tier, merchants, path, rules

    Args:
        line_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Line]
     """


    kwargs = _get_kwargs(
        line_id=line_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    line_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | Line | None:
    """ Why a reward line is what it is: referrals, tier, merchants, path, rules

    Args:
        line_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Line
     """


    return (await asyncio_detailed(
        line_id=line_id,
client=client,

    )).parsed
